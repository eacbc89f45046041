/** Detail of one SIP message: header and body tree, raw text and hex bytes with the selected range highlighted. */
package dev.parley.view.message;

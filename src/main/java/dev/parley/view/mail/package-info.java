/** The mail viewer: a retrieved POP3 mail's headers, MIME part tree, text (HTML as source), attachments and saving. */
package dev.parley.view.mail;

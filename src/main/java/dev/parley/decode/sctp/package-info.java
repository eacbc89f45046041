/** SCTP: DATA chunks handed on as datagrams. */
package dev.parley.decode.sctp;

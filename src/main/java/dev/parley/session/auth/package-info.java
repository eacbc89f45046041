/** Credential checks against a password the user types (APOP, CRAM-MD5, SIP digest) and masking of secrets. */
package dev.parley.session.auth;

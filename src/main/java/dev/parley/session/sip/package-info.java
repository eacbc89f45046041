/** SIP correlation: calls, dialogs, transactions, registrations, pager messages and subscriptions. */
package dev.parley.session.sip;

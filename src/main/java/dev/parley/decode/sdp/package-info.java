/** SDP (RFC 4566) session descriptions as a model. */
package dev.parley.decode.sdp;

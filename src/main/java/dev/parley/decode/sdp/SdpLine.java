package dev.parley.decode.sdp;

/** One "x=value" line; offset and length (line end excluded) are relative to the SDP bytes given to the parser. */
public record SdpLine(char type, String value, int offset, int length) {
}

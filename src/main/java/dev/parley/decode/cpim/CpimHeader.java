package dev.parley.decode.cpim;

/** One "Name: value" line of a CPIM message or its inner MIME part; offset relative to the CPIM body. */
public record CpimHeader(String name, String value, int offset) {
}

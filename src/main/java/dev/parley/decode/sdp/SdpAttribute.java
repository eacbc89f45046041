package dev.parley.decode.sdp;

/** "a=name:value" or the flag "a=name" (value null). */
public record SdpAttribute(String name, String value) {

    static SdpAttribute parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new SdpAttribute(text.strip(), null)
                : new SdpAttribute(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }
}

package dev.parley.session.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hashing, hex and base64 helpers shared by the checks; nothing here throws on odd input. */
final class Digests {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Digests() {
    }

    /** A fresh MessageDigest for a JCA name every JDK 17 provides (MD5, SHA-256, SHA-512/256). */
    static MessageDigest digest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + jcaName, e); // a bug in the caller, not wire data
        }
    }

    static String hex(MessageDigest md, String text) {
        return hex(md.digest(utf8(text)));
    }

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK without HmacMD5", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** True when s is a hex string of exactly {@code chars} characters (either case). */
    static boolean isHex(String s, int chars) {
        if (s == null || s.length() != chars) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Compares hex digests without regard to case, in time independent of where they differ. */
    static boolean sameHex(String expected, String sent) {
        return MessageDigest.isEqual(utf8(expected.toLowerCase(java.util.Locale.ROOT)),
                utf8(sent.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Standard base64 (padding optional, surrounding blanks ignored), or null when it is not base64. */
    static byte[] base64(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=';
            if (!ok) {
                return null;
            }
        }
        try {
            return Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            return null; // bad padding or length: validated above as far as cheaply possible
        }
    }
}

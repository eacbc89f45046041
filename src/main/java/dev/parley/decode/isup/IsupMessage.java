package dev.parley.decode.isup;

import java.util.List;

/**
 * An ISUP message from a SIP-T body (RFC 3204: the body starts at the message type code, no routing label or CIC).
 *
 * @param type         message type code, -1 when the body is empty
 * @param typeName     abbreviation (IAM, ACM, ANM, REL, RLC, CPG...), "UNKNOWN(0xNN)" for others
 * @param calledParty  IAM: called party number, else null
 * @param callingParty IAM: calling party number (optional parameter 0x0A), else null
 * @param causeValue   REL: cause value (Q.850), else -1
 * @param optionalParameterCodes codes of the optional parameters found, in order
 * @param problems     what was malformed or truncated
 */
public record IsupMessage(int type, String typeName, IsupNumber calledParty, IsupNumber callingParty,
                          int causeValue, List<Integer> optionalParameterCodes, List<String> problems) {
}

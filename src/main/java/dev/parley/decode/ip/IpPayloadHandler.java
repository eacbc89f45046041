package dev.parley.decode.ip;

import dev.parley.decode.Bytes;
import dev.parley.decode.IpAddress;

/** Where the IP layer hands what it does not decode itself: transport segments and tunnelled Ethernet frames. */
public interface IpPayloadHandler {

    /** A whole (reassembled) IP payload of protocol 6 (TCP), 17 (UDP) or 132 (SCTP). */
    void transport(int protocol, IpAddress src, IpAddress dst, Bytes payload, PacketContext ctx, int depth);

    /** An Ethernet frame carried in GRE (transparent bridging, ERSPAN). */
    void ethernet(Bytes frame, PacketContext ctx, int depth);
}

/** Wire decoding shared by every layer: byte slices, anomalies, the framing contract, limits, protocol dispatch. */
package dev.parley.decode;

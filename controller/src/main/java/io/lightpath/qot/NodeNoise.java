package io.lightpath.qot;

/**
 * Noise of a node on the path: the amplifier that makes up its insertion loss.
 *
 * @param nodeId the node
 * @param insertionLossDb the node's insertion loss, in dB
 * @param aseNsr P_ASE / P_ch of the compensating amplifier (linear; 0 when the loss is 0)
 */
public record NodeNoise(String nodeId, double insertionLossDb, double aseNsr) {}

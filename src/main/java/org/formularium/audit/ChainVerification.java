package org.formularium.audit;

/**
 * The result of walking the audit chain from its anchor.
 *
 * @param checked       number of entries checked
 * @param firstBrokenId id of the first entry whose link or hash does not match, or null if the chain is intact
 * @param anchorId      id of the last entry removed by retention (0: none removed yet)
 * @param anchorHash    the hash the remaining chain starts from
 */
public record ChainVerification(long checked, Long firstBrokenId, long anchorId, String anchorHash) {

    public boolean intact() {
        return firstBrokenId == null;
    }
}

package io.exflux.reactive.venue.btse.model;

/**
 * The packed values of a {@link BtseWsBook}: an {@code int[]} with one value per entry, {@code unscaled << 6 | scale},
 * when every value fits that; else a {@code long[]} with two entries per value, unscaled then scale. The compact
 * form saves a book frame's array half its bytes (the frame arrives at stream rates).
 */
final class BtseLevelValues {

    private static final int SCALE_BITS = 6;
    private static final int MAX_SCALE = (1 << SCALE_BITS) - 1;
    private static final long COMPACT_LIMIT = 1L << (31 - SCALE_BITS); // exclusive, either sign

    private BtseLevelValues() {
    }

    /**
     * The values of {@code firstCount} entries of the first arrays then {@code secondCount} of the second (either
     * pair may be {@code null} with a count of 0), in the compact form when they all fit it. Scales are 0..127.
     */
    static Object of(long[] firstDigits, byte[] firstScales, int firstCount, long[] secondDigits,
                     byte[] secondScales, int secondCount) {
        if (fitsCompact(firstDigits, firstScales, firstCount) && fitsCompact(secondDigits, secondScales, secondCount)) {
            int[] values = new int[firstCount + secondCount];
            for (int i = 0; i < firstCount; i++) {
                values[i] = compact(firstDigits[i], firstScales[i]);
            }
            for (int i = 0; i < secondCount; i++) {
                values[firstCount + i] = compact(secondDigits[i], secondScales[i]);
            }
            return values;
        }
        long[] values = new long[2 * (firstCount + secondCount)];
        for (int i = 0; i < firstCount; i++) {
            values[2 * i] = firstDigits[i];
            values[2 * i + 1] = firstScales[i];
        }
        for (int i = 0; i < secondCount; i++) {
            values[2 * (firstCount + i)] = secondDigits[i];
            values[2 * (firstCount + i) + 1] = secondScales[i];
        }
        return values;
    }

    private static boolean fitsCompact(long[] digits, byte[] scales, int count) {
        for (int i = 0; i < count; i++) {
            if (scales[i] < 0 || scales[i] > MAX_SCALE || digits[i] >= COMPACT_LIMIT || digits[i] < -COMPACT_LIMIT) {
                return false;
            }
        }
        return true;
    }

    private static int compact(long unscaled, int scale) {
        return (int) unscaled << SCALE_BITS | scale;
    }

    /** How many values. */
    static int count(Object values) {
        return values instanceof int[] compact ? compact.length : ((long[]) values).length / 2;
    }

    static long unscaled(Object values, int index) {
        return values instanceof int[] compact ? compact[index] >> SCALE_BITS : ((long[]) values)[2 * index];
    }

    static int scale(Object values, int index) {
        return values instanceof int[] compact ? compact[index] & MAX_SCALE : (int) ((long[]) values)[2 * index + 1];
    }
}

package io.flowbill.export;

/**
 * Counts the distinct ids of rows that come ordered by id, in constant memory: the charges and invoice files are
 * written ordered by container id, so a container's rows are next to each other and a set of every id seen (1.6
 * million at a million containers, 150 MB of heap) is not needed. An id smaller than the one before means the rows
 * were not in that order; it is refused rather than counted wrong.
 */
final class OrderedIdCount {

    private long last;
    private long count;

    void add(long id) {
        if (count > 0 && id < last) {
            throw new IllegalStateException("container " + id + " came after container " + last + ": the rows of a"
                    + " charges or invoice file must come ordered by container id to be counted");
        }
        if (count == 0 || id != last) {
            count++;
            last = id;
        }
    }

    long count() {
        return count;
    }
}

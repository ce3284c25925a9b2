package io.flowbill.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak memory of this process: heap as the sum of the heap pools' peaks (an upper bound: the pools peak at different
 * times, so it can exceed -Xmx), the live heap (the largest heap in use right after a collection: what the run
 * holds, without the garbage a larger -Xmx lets wait) and resident set (VmHWM, Linux). {@link #resetPeaks} starts
 * them anew, so that each fleet size of a run reports its own peak.
 */
final class Memory {

    private static final AtomicLong PEAK_AFTER_COLLECTION = new AtomicLong();

    static {
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        PEAK_AFTER_COLLECTION.accumulateAndGet(heapAfter(info), Math::max);
                    }
                }, null, null);
            }
        }
    }

    private Memory() {
    }

    private static long heapAfter(GarbageCollectionNotificationInfo info) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && after != null) {
                used += after.getUsed();
            }
        }
        return used;
    }

    /** Resets the heap pools' peaks and the resident set's (writing 5 to clear_refs); returns whether RSS was reset. */
    static boolean resetPeaks() {
        PEAK_AFTER_COLLECTION.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        }
        catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** The largest heap in use right after a collection since the last reset (0 if none ran). */
    static long peakHeapAfterCollectionMb() {
        return PEAK_AFTER_COLLECTION.get() >> 20;
    }

    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

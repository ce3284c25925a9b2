package io.flowbill.metering;

import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs one inventory scan of each of the job's tenant's API accounts, one after the other (so a container id two
 * accounts list is kept by the first), and leaves their figures together in the job's context for the run summary.
 */
class InventoryTasklet implements Tasklet {

    static final String SCAN = "inventory.scan";

    private final List<InventoryScanner> scanners;
    private final String tenant;
    private final boolean recheck;

    /** @param recheck a recheck scans nothing: it works on the containers earlier scans stored */
    InventoryTasklet(List<InventoryScanner> scanners, String tenant, boolean recheck) {
        this.scanners = List.copyOf(scanners);
        this.tenant = tenant;
        this.recheck = recheck;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (recheck) {
            return RepeatStatus.FINISHED;
        }
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        InventoryScan scan = null;
        for (InventoryScanner scanner : scanners) {
            InventoryScan one = scanner.scan(tenant, runId);
            scan = scan == null ? one : scan.plus(one);
        }
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        job.putLong(SCAN + ".reported", scan.reported());
        job.putInt(SCAN + ".collected", scan.collected());
        job.putInt(SCAN + ".recovered", scan.recovered());
        job.putInt(SCAN + ".gone", scan.gone());
        job.putInt(SCAN + ".versions", scan.versionsOpened());
        job.putInt(SCAN + ".passes", scan.passes());
        job.putInt(SCAN + ".rows-written", scan.rowsWritten());
        contribution.incrementWriteCount(scan.collected() + scan.recovered());
        return RepeatStatus.FINISHED;
    }
}

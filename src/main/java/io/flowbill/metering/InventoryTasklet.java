package io.flowbill.metering;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Runs one inventory scan of the job's tenant and leaves its figures in the job's context for the run summary. */
class InventoryTasklet implements Tasklet {

    static final String SCAN = "inventory.scan";

    private final InventoryScanner scanner;
    private final String tenant;
    private final boolean recheck;

    /** @param recheck a recheck scans nothing: it works on the containers earlier scans stored */
    InventoryTasklet(InventoryScanner scanner, String tenant, boolean recheck) {
        this.scanner = scanner;
        this.tenant = tenant;
        this.recheck = recheck;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (recheck) {
            return RepeatStatus.FINISHED;
        }
        InventoryScan scan = scanner.scan(tenant,
                chunkContext.getStepContext().getStepExecution().getJobExecutionId());
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

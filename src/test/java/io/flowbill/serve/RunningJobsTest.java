package io.flowbill.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.dao.OptimisticLockingFailureException;

class RunningJobsTest {

    @Test
    void aStopThatMeetsTheStepsOwnUpdateIsTriedAgainUntilItHolds() {
        AtomicInteger calls = new AtomicInteger();
        RunningJobs running = new RunningJobs(List.of());
        running.beforeJob(new JobExecution(9, new JobInstance(1, "meteringJob"), new JobParameters()));

        int stopped = running.stopAll(operatorFailingOnVersion(2, calls));

        assertThat(stopped).as("executions asked to stop").isEqualTo(1);
        assertThat(calls).as("stop calls: two raced with the step's update, the third held").hasValue(3);
    }

    @Test
    void anExecutionThatCouldNotBeStoppedIsAskedAgainByTheNextStop() {
        AtomicInteger calls = new AtomicInteger();
        RunningJobs running = new RunningJobs(List.of());
        running.beforeJob(new JobExecution(9, new JobInstance(1, "meteringJob"), new JobParameters()));

        assertThat(running.stopAll(operatorFailingOnVersion(Integer.MAX_VALUE, calls))).isZero();
        assertThat(running.stopAll(operatorFailingOnVersion(0, new AtomicInteger()))).isEqualTo(1);
        assertThat(running.stopAll(operatorFailingOnVersion(0, new AtomicInteger())))
                .as("an execution once stopped is not asked again").isZero();
    }

    private static JobOperator operatorFailingOnVersion(int failures, AtomicInteger calls) {
        return (JobOperator) Proxy.newProxyInstance(JobOperator.class.getClassLoader(),
                new Class<?>[] { JobOperator.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("stop")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (calls.incrementAndGet() <= failures) {
                        throw new OptimisticLockingFailureException(
                                "Attempt to update step execution id=29 with wrong version (2), where current version is 3");
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }
}

package io.coldtrace.ingest.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stage's evaluator thread ends when the stage is closed, even if an evaluation never finishes by itself. */
class AlarmStageCloseTest {

    @Test
    void closeEndsAnIdleEvaluatorThread() throws Exception {
        AlarmStage stage = new AlarmStage(true);
        stage.evaluator().submit(() -> { }).get(5, TimeUnit.SECONDS);

        stage.close();

        assertThat(stage.evaluator().isTerminated()).isTrue();
    }

    @Test
    void closeInterruptsAnEvaluationThatOutlivesTheGracePeriod() throws Exception {
        AlarmStage stage = new AlarmStage(true);
        CountDownLatch running = new CountDownLatch(1);
        stage.evaluator().submit(() -> {
            running.countDown();
            Thread.sleep(60_000);
            return null;
        });
        running.await(5, TimeUnit.SECONDS);

        stage.close();

        // a task that only waited for the shutdown would still be asleep; the interrupt ends it within moments
        assertThat(stage.evaluator().awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
}

package io.coldtrace.api.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.http.ClientError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CPU executor takes at most threads + queued jobs, refuses the next at once with 503, and runs off-loop. */
class CpuWorkTest {
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void beyondItsBoundAJobIsRefusedWith503AndTakenAgainOnceOthersFinish() throws Exception {
        CpuWork cpu = new CpuWork(vertx, 1, 2);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(cpu.submit(() -> {
                release.await(10, TimeUnit.SECONDS);
                return Thread.currentThread().getName();
            }));
        }
        assertThat(cpu.inFlight()).isEqualTo(3);
        Future<String> refused = cpu.submit(() -> "never");
        assertThat(refused.failed()).as("refused at once, not queued").isTrue();
        assertThat(refused.cause()).isInstanceOf(ClientError.class);
        assertThat(((ClientError) refused.cause()).status()).isEqualTo(503);
        assertThat(cpu.inFlight()).as("a refusal takes no place").isEqualTo(3);

        release.countDown();
        for (Future<String> f : taken) {
            assertThat(f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .startsWith(CpuWork.EXECUTOR_NAME);
        }
        assertThat(cpu.submit(() -> "again").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEqualTo("again");
        assertThat(cpu.inFlight()).isZero();
    }

    @Test
    void aNonsenseBoundIsRefused() {
        assertThatThrownBy(() -> new CpuWork(vertx, 0, 1)).hasMessageContaining("threads >= 1");
        assertThatThrownBy(() -> new CpuWork(vertx, 1, -1)).hasMessageContaining("queued >= 0");
    }
}

package dev.wechatapi.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.handlers.internal.Dispatcher;
import dev.wechatapi.handlers.internal.RetryPolicy;
import dev.wechatapi.handlers.internal.StopSignal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    private final RecordingTextSender replies = new RecordingTextSender();
    private final List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
    private final StopSignal stop = new StopSignal();

    @Test
    void everyHandlerReceivesEveryMessage() {
        Collecting first = new Collecting();
        Collecting second = new Collecting();
        IncomingMessage one = message("one");
        IncomingMessage two = message("two");

        try (Dispatcher dispatcher = new Dispatcher(List.of(first, second), FAST, failures::add, stop)) {
            assertThat(dispatcher.deliver(one)).isEqualTo(Dispatcher.Outcome.FINISHED);
            assertThat(dispatcher.deliver(two)).isEqualTo(Dispatcher.Outcome.FINISHED);
        }

        assertThat(first.texts).containsExactly("one", "two");
        assertThat(second.texts).containsExactly("one", "two");
        assertThat(failures).isEmpty();
    }

    @Test
    void aThrowingHandlerGetsTheMessageAgainUntilItSucceeds() {
        FailingFirst flaky = new FailingFirst(2);

        try (Dispatcher dispatcher = new Dispatcher(List.of(flaky), FAST, failures::add, stop)) {
            assertThat(dispatcher.deliver(message("hi"))).isEqualTo(Dispatcher.Outcome.FINISHED);
        }

        assertThat(flaky.attempts).hasValue(3);
        assertThat(failures).isEmpty();
    }

    @Test
    void aHandlerThatAlwaysThrowsIsReportedAfterTheLastAttemptWhileOthersGetTheMessage() {
        FailingFirst broken = new FailingFirst(Integer.MAX_VALUE);
        Collecting healthy = new Collecting();
        IncomingMessage message = message("hi");

        try (Dispatcher dispatcher = new Dispatcher(List.of(broken, healthy), FAST, failures::add, stop)) {
            assertThat(dispatcher.deliver(message)).isEqualTo(Dispatcher.Outcome.FINISHED);
        }

        assertThat(broken.attempts).hasValue(3);
        assertThat(healthy.texts).containsExactly("hi");
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.handler()).isSameAs(broken);
            assertThat(failure.message()).isSameAs(message);
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.error()).hasMessage("attempt 3 failed");
        });
    }

    @Test
    void aThrowingFailureListenerDoesNotStopDelivery() {
        FailingFirst broken = new FailingFirst(Integer.MAX_VALUE);
        FailureListener throwing = failure -> {
            throw new IllegalStateException("listener is broken too");
        };

        try (Dispatcher dispatcher = new Dispatcher(List.of(broken), FAST, throwing, stop)) {
            assertThat(dispatcher.deliver(message("one"))).isEqualTo(Dispatcher.Outcome.FINISHED);
            assertThat(dispatcher.deliver(message("two"))).isEqualTo(Dispatcher.Outcome.FINISHED);
        }

        assertThat(broken.attempts).hasValue(6);
    }

    @Test
    void stoppingWhileAHandlerWaitsForItsNextAttemptAbandonsTheMessage() throws Exception {
        FailingFirst broken = new FailingFirst(Integer.MAX_VALUE);
        RetryPolicy slow = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofSeconds(30));

        try (Dispatcher dispatcher = new Dispatcher(List.of(broken, new Collecting()), slow, failures::add, stop);
                var thread = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Dispatcher.Outcome> outcome = thread.submit(() -> dispatcher.deliver(message("hi")));
            assertThat(broken.firstAttempt.await(5, TimeUnit.SECONDS)).isTrue();

            stop.raise();

            assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(Dispatcher.Outcome.ABANDONED);
        }
        assertThat(broken.attempts).hasValue(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(List.of(1, 2, 3, 4, 9).stream().map(policy::backoffAfter).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 500L, 500L);
    }

    private IncomingMessage message(String text) {
        return IncomingMessage.of(Messages.text("app", text), replies);
    }

    private static final class Collecting extends MessageHandler {
        final List<String> texts = new CopyOnWriteArrayList<>();

        @Override
        public void text(IncomingMessage message) {
            texts.add(message.text());
        }
    }

    private static final class FailingFirst extends MessageHandler {
        final AtomicInteger attempts = new AtomicInteger();
        final CountDownLatch firstAttempt = new CountDownLatch(1);
        private final int failures;

        FailingFirst(int failures) {
            this.failures = failures;
        }

        @Override
        public void defaultHandle(IncomingMessage message) throws Exception {
            int attempt = attempts.incrementAndGet();
            firstAttempt.countDown();
            if (attempt <= failures) {
                throw new Exception("attempt " + attempt + " failed");
            }
        }
    }
}

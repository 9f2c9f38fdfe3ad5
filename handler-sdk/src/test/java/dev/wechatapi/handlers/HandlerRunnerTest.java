package dev.wechatapi.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandlerRunnerTest {

    @Test
    void aRunnerNeedsServersAGroupAndAHandler() {
        assertThatThrownBy(() -> HandlerRunner.builder().groupId("g").handler(new MessageHandler() {}).build())
                .hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> HandlerRunner.builder().bootstrapServers("localhost:9092")
                        .handler(new MessageHandler() {}).build())
                .hasMessageContaining("groupId");
        assertThatThrownBy(() -> HandlerRunner.builder().bootstrapServers("localhost:9092").groupId("g").build())
                .hasMessageContaining("handler");
        assertThatThrownBy(() -> HandlerRunner.builder().bootstrapServers("localhost:9092").groupId("g")
                        .handler(new MessageHandler() {}).maxAttempts(0).build())
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void aRunnerClosedBeforeItRanConnectsToNothingAndCannotRunAnymore() throws Exception {
        // Nothing listens on port 1: a runner that tried to consume would not join anything.
        HandlerRunner runner = HandlerRunner.builder().bootstrapServers("127.0.0.1:1").groupId("g")
                .handler(new MessageHandler() {}).build();

        runner.close();

        assertThat(runner.awaitJoined(Duration.ZERO)).isFalse();
        assertThat(runner.partitions()).isEmpty();
        assertThatThrownBy(runner::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("runs once");
    }
}

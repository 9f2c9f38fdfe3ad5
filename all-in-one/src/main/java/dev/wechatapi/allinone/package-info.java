/**
 * The whole system in one JVM for a first try ({@code ./dev up}): a Kafka broker, the WeChat simulator and the three
 * services, each service in its own Spring application context with its own defaults, on the local MariaDB and,
 * when one answers, Redis (otherwise the gateway keeps its tokens in memory).
 */
@NullMarked
package dev.wechatapi.allinone;

import org.jspecify.annotations.NullMarked;

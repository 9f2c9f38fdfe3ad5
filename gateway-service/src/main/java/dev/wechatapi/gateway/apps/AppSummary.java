package dev.wechatapi.gateway.apps;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;

/**
 * An app as the operator lists it: never its secret, which is only stored hashed.
 *
 * @param createdAt when it was registered, in the database's time zone
 */
public record AppSummary(
    @JsonProperty("app_id") String appId,
    @JsonProperty("app_name") String appName,
    @JsonProperty("created_at") LocalDateTime createdAt) {}

package dev.wechatapi.gateway;

import org.springframework.test.context.TestPropertySource;

/** {@link SignatureAuthenticationTest} against a gateway that keeps tokens, nonces and buckets in memory, Redis unreachable. */
@TestPropertySource(properties = {"wechat.gateway.store=memory", "spring.data.redis.port=1"})
class MemoryStoreSignatureAuthenticationTest extends SignatureAuthenticationTest {}

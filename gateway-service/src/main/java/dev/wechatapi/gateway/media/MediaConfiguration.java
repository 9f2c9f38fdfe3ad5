package dev.wechatapi.gateway.media;

import dev.wechatapi.media.FileSystemMediaStore;
import dev.wechatapi.media.MediaStore;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The media store the gateway reads: the filesystem store at {@code wechat.media.root} unless another is declared. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MediaStore mediaStore(MediaProperties properties) {
    return new FileSystemMediaStore(Path.of(properties.root()));
  }
}

package dev.wechatapi.archive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The archive: consumes the event stream into MariaDB and answers the read endpoints ({@code /friends},
 * {@code /groups}, {@code /members/{group_puid}}, {@code /mps}, {@code /messages}, {@code /messages/{id}}) that the
 * gateway forwards with {@code X-Wechat-App-Id}, and forwards every message to its app's webhook ({@code /webhook},
 * {@code /webhook/deliveries}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ArchiveApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArchiveApplication.class, args);
    }
}

package dev.wechatapi.session;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Owns the live WeChat sessions of every app and publishes what happens in them as events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SessionApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(SessionApplication.class, args);
    }
}

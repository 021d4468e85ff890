package org.formularium.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.Executor;

/** A small executor for outbox work started right after a commit. */
@Configuration
@EnableAsync
class DeliveryConfig {

    @Bean
    Executor outboxExecutor(@Value("${formularium.outbox.threads:3}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("outbox-");
        // as many threads as drains may run (a pool grows beyond its core size only when its queue is full)
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(1000);
        executor.initialize();
        return executor;
    }
}

package dev.wechatapi.media;

import static dev.wechatapi.media.MediaFixtures.APP;
import static dev.wechatapi.media.MediaFixtures.OTHER_APP;
import static dev.wechatapi.media.MediaFixtures.read;
import static dev.wechatapi.media.MediaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentPutsTest {

  private static final int WRITERS = 32;

  @TempDir Path root;

  @Test
  void concurrentWritersToTheSameAppsEachGetTheirOwnIntactFile() throws Exception {
    MediaStore store = new FileSystemMediaStore(root);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StoredMedia>> puts = new ArrayList<>();
    try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < WRITERS; i++) {
        String appId = i % 2 == 0 ? APP : OTHER_APP;
        String content = "message " + i + " 消息 ".repeat(i * 50);
        String fileName = "消息-" + i + ".txt";
        puts.add(writers.submit(() -> {
          start.await();
          return store.put(appId, utf8(content), "text/plain", fileName);
        }));
      }
      start.countDown();
    }

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      StoredMedia stored = puts.get(i).get();
      ids.add(stored.mediaId());
      assertThat(read(store.open(stored.appId(), stored.mediaId(), null)))
          .isEqualTo("message " + i + " 消息 ".repeat(i * 50));
      assertThat(store.find(stored.appId(), stored.mediaId())).contains(stored);
    }
    assertThat(ids).doesNotHaveDuplicates();
  }
}

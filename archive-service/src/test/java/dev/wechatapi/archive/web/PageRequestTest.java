package dev.wechatapi.archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTen() {
        PageRequest page = PageRequest.from(QueryParams.of(MockServerHttpRequest.get("/friends").build()));
        assertThat(page).isEqualTo(new PageRequest(1, 10));
        assertThat(page.offset()).isZero();
    }

    @Test
    void theFirstPageExistsEvenWhenTheListIsEmptyButNoOtherPageDoes() {
        assertThat(new PageRequest(1, 10).existsIn(0)).isTrue();
        assertThat(new PageRequest(2, 10).existsIn(10)).isFalse();
        assertThat(new PageRequest(2, 10).existsIn(11)).isTrue();
    }
}

package org.zhengwu.exchange.pubsub;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.zhengwu.shared.web.UserFacingException;

/**
 * A batch refused whole because some of its records break the resource's rules: nothing of it was written. The
 * problem detail lists every problem ({@code rejections}: index, key, field, reason, message in zh-CN and en) and
 * names the rejection report the provider can list again ({@code batch}).
 */
class PublishRefused extends UserFacingException {

    private final Map<String, Object> properties;

    PublishRefused(String batch, int refused, List<Map<String, Object>> rejections) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "exchange.pubsub.batch.refused", refused);
        this.properties = Map.of("batch", batch, "rejections", rejections);
    }

    @Override
    public Map<String, Object> problemProperties() {
        return properties;
    }
}

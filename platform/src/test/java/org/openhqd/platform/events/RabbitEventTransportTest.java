package org.openhqd.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/** The message id a subscriber deduplicates by: the same for a resent event, different for another. */
class RabbitEventTransportTest {

    private static final OutboxProbe EVENT = new OutboxProbe(1, 2, java.time.Instant.EPOCH);

    @Test
    void aResentEventCarriesTheSameId() {
        Message first = RabbitEventTransport.identify(message("{\"probeId\":1}"), EVENT);
        Message again = RabbitEventTransport.identify(message("{\"probeId\":1}"), EVENT);
        assertThat(first.getMessageProperties().getMessageId()).isNotBlank()
                .isEqualTo(again.getMessageProperties().getMessageId());
        assertThat(first.getMessageProperties().getType()).isEqualTo("OutboxProbe");
    }

    @Test
    void anotherEventOrAnotherTypeGetsAnotherId() {
        String id = RabbitEventTransport.identify(message("{\"probeId\":1}"), EVENT).getMessageProperties().getMessageId();
        assertThat(RabbitEventTransport.identify(message("{\"probeId\":2}"), EVENT).getMessageProperties().getMessageId()).isNotEqualTo(id);
        assertThat(RabbitEventTransport.identify(message("{\"probeId\":1}"), new UnroutedProbe(1, 2)).getMessageProperties().getMessageId())
                .isNotEqualTo(id);
    }

    private static Message message(String body) {
        return new Message(body.getBytes(StandardCharsets.UTF_8), new MessageProperties());
    }
}

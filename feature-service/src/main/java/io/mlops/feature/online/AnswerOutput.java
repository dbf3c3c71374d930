package io.mlops.feature.online;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MGET reply written straight into the lookup's answer: Lettuce hands each value to
 * {@link #set(ByteBuffer)} on its event loop, in key order, and each becomes that entity's result,
 * {@code {"entity":e,"features":{stored object}}} or {@code {"entity":e,"missing":true}}, behind the
 * answer's head, which {@link OnlineLookup} wrote before sending the MGET. So the per-entity work is
 * done on Lettuce's event loop while it decodes the reply, and each value is copied once (reply →
 * answer), instead of into a buffer of values first and then, on the serving thread, into the answer:
 * the online listener's event loop was the busy thread at 16 callers on 2 cores, and Lettuce's loop
 * was idle about half the time (JFR, bench/feature-online). No {@code byte[]} or {@code KeyValue} is
 * made per value either (~40 KB of garbage per 100-entity lookup with Lettuce's ByteArrayCodec). The
 * serving thread reads the answer once the command completed (the future's completion orders the
 * event loop's writes before those reads).
 */
final class AnswerOutput extends CommandOutput<byte[], byte[], AnswerOutput> {

    private static final byte[] ENTITY = OnlineAnswer.bytes("{\"entity\":");
    private static final byte[] COMMA_ENTITY = OnlineAnswer.bytes(",{\"entity\":");
    private static final byte[] FEATURES = OnlineAnswer.bytes(",\"features\":");
    private static final byte[] MISSING = OnlineAnswer.bytes(",\"missing\":true}");

    private final AnswerBuffer answer;
    private final List<Object> entities;
    private final JsonMapper json;
    private int count;
    private RuntimeException failure;

    /** {@code answer} holds the head of the answer; the results are appended to it. */
    AnswerOutput(AnswerBuffer answer, List<Object> entities, JsonMapper json) {
        super(ByteArrayCodec.INSTANCE, null);
        this.answer = answer;
        this.entities = entities;
        this.json = json;
    }

    @Override
    public void set(ByteBuffer bytes) {
        if (count < entities.size() && failure == null) {
            try {
                write(entities.get(count), bytes);
            } catch (RuntimeException e) {
                failure = e;   // not thrown on Lettuce's event loop, which would end the connection: the serving thread throws it
            }
        }
        count++;
    }

    private void write(Object entity, ByteBuffer stored) {
        answer.write(count == 0 ? ENTITY : COMMA_ENTITY);
        OnlineAnswer.writeEntity(entity, json, answer);
        if (stored != null && OnlineAnswer.isObject(stored)) {
            answer.write(FEATURES);
            answer.write(stored);
            answer.write((byte) '}');
        } else {
            answer.write(MISSING);   // no value, or one of an earlier layout (see OnlineStore): never broken JSON
        }
    }

    @Override
    public AnswerOutput get() {
        return this;
    }

    /** How many values Redis answered. */
    int count() {
        return count;
    }

    /** How many values the MGET asked for. */
    int expected() {
        return entities.size();
    }

    /** What went wrong writing a result on the event loop, or null. */
    RuntimeException failure() {
        return failure;
    }

    AnswerBuffer answer() {
        return answer;
    }
}

package io.connectdeployer.trigger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * A request body as JSON, strictly: valid UTF-8 (Jackson's own decoder lets overlong forms through, which would
 * turn {@code C0 AF} into {@code /}), exactly one value (nothing after it), within Jackson's nesting and number
 * limits. Anything else is a 400 that says which.
 */
public final class JsonBody {

    private JsonBody() {
    }

    /** The reader {@link #parse} expects: fails on anything after the first JSON value. */
    public static ObjectReader reader(ObjectMapper mapper) {
        return mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** @param reader a reader for {@link JsonNode} that fails on trailing tokens, made once */
    public static JsonNode parse(byte[] body, ObjectReader reader) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new RequestRejectedException(400, "The request body is not valid UTF-8");
        }
        try {
            return reader.readTree(text);
        } catch (StreamConstraintsException tooDeep) {
            throw new RequestRejectedException(400, "The request body is beyond the JSON limits (nesting depth or "
                    + "number length): " + tooDeep.getOriginalMessage());
        } catch (JsonProcessingException malformed) {
            throw new RequestRejectedException(400, "The request body is not valid JSON" + location(malformed));
        } catch (IOException unreadable) {
            throw new RequestRejectedException(400, "The request body could not be read as JSON");
        }
    }

    /** {@code " (line 1, column 7)"}: where the parser stopped, never the text it read (it may hold a secret). */
    static String location(JsonProcessingException malformed) {
        return malformed.getLocation() == null ? ""
                : " (line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")";
    }
}

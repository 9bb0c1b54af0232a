package io.connectdeployer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.connectdeployer.deploy.Template.Part;

class TemplateTest {

    private static Part text(String text) {
        return new Part(text, null);
    }

    private static Part name(String name) {
        return new Part(null, name);
    }

    @Test
    void should_split_text_and_placeholders_in_order_when_parsing() {
        // given
        List<String> unknown = new ArrayList<>();

        // when
        Template template = Template.parse("s3://${bucket}/${key}?v=1", unknown);

        // then
        assertEquals(new Template("s3://${bucket}/${key}?v=1",
                List.of(text("s3://"), name("bucket"), text("/"), name("key"), text("?v=1"))), template);
        assertEquals(List.of(), unknown);
        assertEquals(true, template.hasPlaceholders());
    }

    @Test
    void should_have_one_text_part_and_no_placeholders_when_the_value_is_plain() {
        // when
        Template template = Template.parse("eu-west-1", new ArrayList<>());

        // then
        assertEquals(new Template("eu-west-1", List.of(text("eu-west-1"))), template);
        assertEquals(false, template.hasPlaceholders());
    }

    @Test
    void should_have_no_parts_when_the_value_is_empty() {
        // when
        Template template = Template.parse("", new ArrayList<>());

        // then
        assertEquals(new Template("", List.of()), template);
    }

    @Test
    void should_keep_adjacent_placeholders_apart_when_no_text_separates_them() {
        // when
        Template template = Template.parse("${app}${version}", new ArrayList<>());

        // then
        assertEquals(List.of(name("app"), name("version")), template.parts());
    }

    @Test
    void should_leave_an_unclosed_placeholder_as_text() {
        // when
        Template template = Template.parse("build ${tag", new ArrayList<>());

        // then
        assertEquals(List.of(text("build ${tag")), template.parts());
        assertEquals(false, template.hasPlaceholders());
    }

    @Test
    void should_report_unknown_names_in_order_of_appearance_and_keep_them_as_placeholders() {
        // given
        List<String> unknown = new ArrayList<>();

        // when
        Template template = Template.parse("${buckt}/${key}/${Version}/${}", unknown);

        // then
        assertEquals(List.of("buckt", "Version", ""), unknown);
        assertEquals(List.of(name("buckt"), text("/"), name("key"), text("/"), name("Version"), text("/"), name("")),
                template.parts());
    }

    @Test
    void should_fill_every_placeholder_when_all_values_are_given() {
        // given
        Template template = Template.parse("s3://${bucket}/${key} (${bucket})", new ArrayList<>());
        List<String> missing = new ArrayList<>();

        // when
        String text = template.render(Map.of("bucket", "firmware", "key", "gateway/v1/fw.bin", "tag", "unused"), missing);

        // then
        assertEquals("s3://firmware/gateway/v1/fw.bin (firmware)", text);
        assertEquals(List.of(), missing);
    }

    @Test
    void should_leave_the_placeholder_and_report_it_each_time_when_a_value_is_missing() {
        // given
        Template template = Template.parse("${tag}: s3://${bucket}/${key} ${tag}", new ArrayList<>());
        List<String> missing = new ArrayList<>();

        // when
        String text = template.render(Map.of("bucket", "firmware"), missing);

        // then
        assertEquals("${tag}: s3://firmware/${key} ${tag}", text);
        assertEquals(List.of("tag", "key", "tag"), missing);
    }

    @Test
    void should_insert_values_literally_when_a_value_looks_like_a_placeholder_or_a_regex_replacement() {
        // given
        Template template = Template.parse("${key}", new ArrayList<>());
        List<String> missing = new ArrayList<>();

        // when
        String text = template.render(Map.of("key", "a/${bucket}/$1\\x.bin"), missing);

        // then
        assertEquals("a/${bucket}/$1\\x.bin", text);
        assertEquals(List.of(), missing);
    }

    @Test
    void should_list_the_known_names_in_a_fixed_order() {
        // then
        assertEquals(List.of("bucket", "key", "app", "version", "tag", "repository", "release_url", "event_id", "time"),
                List.copyOf(Template.NAMES));
    }
}

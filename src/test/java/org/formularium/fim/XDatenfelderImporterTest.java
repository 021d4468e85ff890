package org.formularium.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.formularium.fim.FimFiles.resource;
import static org.formularium.fim.FimFiles.shared;
import static org.formularium.fim.ReportEntry.Level.ACTION_REQUIRED;
import static org.formularium.fim.ReportEntry.Level.INFO;
import static org.formularium.fim.ReportEntry.Level.WARNING;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.DefinitionParser;
import org.formularium.definition.ParseResult;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.DateElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.InfoElement;
import org.formularium.definition.model.IntegerElement;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.SectionElement;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.model.TextareaElement;
import org.formularium.definition.model.YesNoElement;
import org.formularium.definition.validation.DefinitionProblem;
import org.formularium.definition.validation.DefinitionProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class XDatenfelderImporterTest {

    /** The deliberately broken shared files and what each really gets wrong. */
    private static final Map<String, FimImportErrorCode> BROKEN = Map.of(
            "v2/duplicate-optional-value.xml", FimImportErrorCode.DUPLICATE_ELEMENT,
            "v2/duplicate-required-value.xml", FimImportErrorCode.DUPLICATE_ELEMENT,
            "v2/unknown-namespace.xml", FimImportErrorCode.UNKNOWN_NAMESPACE,
            "v3/duplicate-id-node.xml", FimImportErrorCode.DUPLICATE_ID,
            "v3/empty-id-node.xml", FimImportErrorCode.EMPTY_ID,
            "v3/invalid-freigabestatus.xml", FimImportErrorCode.INVALID_STATUS_CODE,
            "v3/missing-id-node.xml", FimImportErrorCode.MISSING_ID,
            "v3/unexpected-node.xml", FimImportErrorCode.UNEXPECTED_NODE,
            "v3/unknown-namespace.xml", FimImportErrorCode.UNKNOWN_NAMESPACE);

    private final XDatenfelderImporter importer = new XDatenfelderImporter();

    // ---- every shared file --------------------------------------------------------------------------------

    static Stream<String> everySharedFile() {
        return FimFiles.everySharedXml().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySharedFile")
    void every_shared_file_is_either_imported_as_a_valid_draft_or_refused_with_its_specific_code(String file) {
        FimImportErrorCode expected = BROKEN.get(file);
        if (expected != null) {
            FimImportException e = refused(shared(file));
            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.location()).isNotBlank();
            return;
        }
        FimImportResult result = importer.importSchema(shared(file));
        assertValidExceptMissingOptions(result);
        assertThat(result.key()).isEqualTo(result.draft().key()).matches(Keys.FORM_KEY);
        assertThat(result.draft().languages()).containsExactly("de");
        assertThat(result.draft().privacy()).isNull();
        assertThat(result.draft().metadata()).containsKey("fimId");
        assertThat(result.report()).anySatisfy(e -> assertThat(e.message()).contains("Datenschutzhinweis"));
        assertThat(allElements(result.draft())).allSatisfy(e -> assertThat(e.metadata()).containsKey("fimId"));
    }

    @Test
    void the_list_of_broken_files_names_only_files_that_exist() {
        assertThat(FimFiles.everySharedXml()).containsAll(BROKEN.keySet()).hasSizeGreaterThanOrEqualTo(18);
    }

    // ---- XDatenfelder 2.0 -------------------------------------------------------------------------------------

    @Test
    void a_minimal_schema_without_fields_gives_one_empty_page_and_keeps_the_schema_id() {
        FimImportResult result = importer.importSchema(shared("v2/minimal.xml"));

        FormDefinition draft = result.draft();
        assertThat(draft.key()).isEqualTo("test");
        assertThat(draft.title().get("de")).isEqualTo("Test");
        assertThat(draft.pages()).singleElement().satisfies(p -> assertThat(p.elements()).isEmpty());
        assertThat(draft.metadata()).containsEntry("fimId", "T1234").containsEntry("fimVersion", "1.0")
                .containsEntry("fimStandard", "XDatenfelder 2.0");
        assertThat(DefinitionParser.parse(DefinitionJson.toTree(draft)).isValid()).isTrue();
        assertThat(result.entries(WARNING)).anySatisfy(e -> assertThat(e.message()).contains("keine Felder"));
        assertThat(result.entries(INFO)).anySatisfy(e -> assertThat(e.message()).contains("Datenschutzhinweis"));
    }

    @Test
    void a_top_level_group_becomes_a_page_and_its_field_a_required_text_with_length_limits() {
        FimImportResult result = importer.importSchema(shared("v2/simple.xml"));

        FormDefinition draft = result.draft();
        Page page = draft.pages().get(0);
        assertThat(draft.pages()).hasSize(1);
        assertThat(page.key()).isEqualTo("natuerliche_person_abstrakt_umfassend");
        assertThat(page.title().get("de")).isEqualTo("Natürliche Person");
        assertThat(draft.metadata()).containsEntry("pages.natuerliche_person_abstrakt_umfassend.fimId", "G00000082")
                .containsEntry("pages.natuerliche_person_abstrakt_umfassend.fimVersion", "1.3");
        TextElement name = (TextElement) page.elements().get(0);
        assertThat(page.elements()).hasSize(1);
        assertThat(name.key()).isEqualTo("familienname");
        assertThat(name.label().get("de")).isEqualTo("Familienname");
        assertThat(name.hint().get("de")).isEqualTo("Hilfe Eingabe");
        assertThat(name.required()).isTrue();
        assertThat(name.minLength()).isEqualTo(1);
        assertThat(name.maxLength()).isEqualTo(120);
        assertThat(name.metadata()).containsEntry("fimId", "F60000227").containsEntry("fimVersion", "1.1");
        assertThat(DefinitionParser.parse(DefinitionJson.toTree(draft)).isValid()).isTrue();
        assertThat(result.entries(ACTION_REQUIRED)).singleElement().satisfies(e -> {
            assertThat(e.fimId()).isEqualTo("R60000037");
            assertThat(e.message()).contains("Regel R60000037", "übernommen als Hinweis", "function script() {}",
                    "JSON Logic");
        });
        assertThat(draft.rules()).isNull();
    }

    @Test
    void a_select_without_its_code_list_becomes_a_choice_without_options_that_blocks_publishing() {
        FimImportResult result = importer.importSchema(shared("v2/select.xml"));

        ChoiceElement choice = (ChoiceElement) result.draft().pages().get(0).elements().get(0);
        assertThat(choice.key()).isEqualTo("hinweis");
        assertThat(choice.options()).isNull();
        assertThat(choice.codeList()).isNull();
        assertThat(choice.display()).isEqualTo(ChoiceElement.SELECT);
        assertThat(choice.required()).isTrue();
        assertThat(result.entries(ACTION_REQUIRED)).singleElement().satisfies(e -> {
            assertThat(e.fimId()).isEqualTo("F123");
            assertThat(e.message()).contains("urn:de:example_1", "Optionen ergänzen");
        });
        List<DefinitionProblem> problems = problems(result);
        assertThat(problems).extracting(DefinitionProblem::code).containsExactly(DefinitionProblemCode.MISSING_OPTIONS);
        assertThat(problems.get(0).path()).isEqualTo("pages[0].elements[0].options");
    }

    @Test
    void a_select_whose_genericode_file_is_given_gets_a_shared_code_list_with_valid_option_values() {
        FimImportResult result = importer.importSchema(shared("v2/select.xml"),
                Map.of("example.gc.xml", resource("example.gc.xml")));

        FormDefinition draft = result.draft();
        ChoiceElement choice = (ChoiceElement) draft.pages().get(0).elements().get(0);
        assertThat(choice.codeList()).isEqualTo("beispiel");
        assertThat(choice.display()).isEqualTo(ChoiceElement.SELECT);
        assertThat(draft.codeList("beispiel")).extracting(Option::value)
                .containsExactly("A", "B", "C", "D", "E", "Ae_6");
        assertThat(draft.codeList("beispiel").get(1).label().get("de")).isEqualTo("Beta");
        assertThat(DefinitionParser.parse(DefinitionJson.toTree(draft)).isValid()).isTrue();
        assertThat(result.entries(ACTION_REQUIRED)).isEmpty();
        assertThat(result.entries(WARNING)).anySatisfy(e -> assertThat(e.message()).contains("„Ä 6“ → „Ae_6“"));
        assertThat(result.entries(INFO)).anySatisfy(e -> assertThat(e.message())
                .contains("Spalte „schluessel“", "Spalte „wert“"));
    }

    @Test
    void a_code_list_is_also_found_by_its_canonical_uri_as_map_key() {
        FimImportResult result = importer.importSchema(shared("v2/select.xml"),
                Map.of("urn:de:example_1", resource("example.gc.xml")));

        assertThat(((ChoiceElement) result.draft().pages().get(0).elements().get(0)).codeList()).isEqualTo("beispiel");
    }

    @Test
    void a_broken_genericode_file_is_reported_and_the_choice_stays_without_options() {
        FimImportResult result = importer.importSchema(shared("v2/select.xml"),
                Map.of("urn:de:example_1", "<nope/>".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.entries(WARNING)).anySatisfy(e -> assertThat(e.message()).contains("nicht gelesen"));
        assertThat(result.entries(ACTION_REQUIRED)).anySatisfy(e -> assertThat(e.fimId()).isEqualTo("F123"));
        assertThat(problems(result)).extracting(DefinitionProblem::code)
                .containsExactly(DefinitionProblemCode.MISSING_OPTIONS);
    }

    @Test
    void a_label_field_becomes_an_info_block_with_its_content() {
        FimImportResult result = importer.importSchema(shared("v2/label.xml"));

        InfoElement info = (InfoElement) result.draft().pages().get(0).elements().get(0);
        assertThat(info.key()).isEqualTo("hinweis");
        assertThat(info.content().get("de")).isEqualTo("Hinweis Inhalt");
        assertThat(info.metadata()).containsEntry("fimId", "F123").containsEntry("fimVersion", "1.0");
        assertThat(DefinitionParser.parse(DefinitionJson.toTree(result.draft())).isValid()).isTrue();
    }

    @Test
    void rules_of_schema_field_and_group_are_listed_for_the_designer_and_never_turned_into_logic() {
        for (String file : List.of("v2/rule.xml", "v2/data-field-rule.xml", "v2/data-group-rule.xml")) {
            FimImportResult result = importer.importSchema(shared(file));

            assertThat(result.entries(ACTION_REQUIRED)).as(file).singleElement().satisfies(e -> {
                assertThat(e.fimId()).isEqualTo("R60000037");
                assertThat(e.message()).contains("MindestEineAngabe", "Eine Definition", "JSON Logic");
            });
            assertThat(result.draft().rules()).as(file).isNull();
            assertThat(allElements(result.draft())).as(file).allSatisfy(el -> assertThat(el.visibleIf()).isNull());
        }
        assertThat(importer.importSchema(shared("v2/data-field-rule.xml")).entries(ACTION_REQUIRED).get(0).message())
                .contains("Feld F123");
        assertThat(importer.importSchema(shared("v2/data-group-rule.xml")).entries(ACTION_REQUIRED).get(0).message())
                .contains("Gruppe G00000082");
    }

    @Test
    void a_duplicated_single_element_is_refused_with_its_name_and_line() {
        FimImportException required = refused(shared("v2/duplicate-required-value.xml"));
        assertThat(required.code()).isEqualTo(FimImportErrorCode.DUPLICATE_ELEMENT);
        assertThat(required.getMessage()).contains("<name>");
        assertThat(required.location()).contains("/stammdatenschema/name", "Zeile 13");

        FimImportException optional = refused(shared("v2/duplicate-optional-value.xml"));
        assertThat(optional.code()).isEqualTo(FimImportErrorCode.DUPLICATE_ELEMENT);
        assertThat(optional.getMessage()).contains("<beschreibung>");
        assertThat(optional.location()).contains("Zeile 15");
    }

    @Test
    void an_unknown_namespace_is_refused_and_named() {
        for (String file : List.of("v2/unknown-namespace.xml", "v3/unknown-namespace.xml")) {
            FimImportException e = refused(shared(file));
            assertThat(e.code()).isEqualTo(FimImportErrorCode.UNKNOWN_NAMESPACE);
            assertThat(e.getMessage()).contains("urn:xoev-de:fim:standard:xdatenfelder_unknown");
        }
    }

    // ---- XDatenfelder 3.0.0 -----------------------------------------------------------------------------------

    @Test
    void a_v3_field_group_message_becomes_a_form_whose_child_group_is_a_page() {
        FimImportResult result = importer.importSchema(shared("v3/simple.xml"));

        FormDefinition draft = result.draft();
        assertThat(draft.key()).isEqualTo("anschrift-inland");
        assertThat(draft.title().get("de")).isEqualTo("Anschrift Inland");
        assertThat(draft.metadata()).containsEntry("fimId", "G60000000088").containsEntry("fimVersion", "1.2.0")
                .containsEntry("fimStandard", "XDatenfelder 3.0.0")
                .containsEntry("pages.anschrift_inland_strassenanschrift.fimId", "G60000000086");
        Page page = draft.pages().get(0);
        assertThat(draft.pages()).hasSize(1);
        assertThat(page.title().get("de")).isEqualTo("Straßenanschrift");
        assertThat(page.description().get("de")).startsWith("Geben Sie die Anschrift mit Straße");
        TextElement street = (TextElement) page.elements().get(0);
        assertThat(street.key()).isEqualTo("strasse");
        assertThat(street.required()).isTrue();
        assertThat(street.minLength()).isEqualTo(1);
        assertThat(street.maxLength()).isEqualTo(55);
        assertThat(street.hint().get("de")).isEqualTo("Geben Sie an, wie die Straße heißt.");
        assertThat(street.metadata()).containsEntry("fimId", "F60000000243").containsEntry("fimVersion", "1.1.0");
        assertThat(DefinitionParser.parse(DefinitionJson.toTree(draft)).isValid()).isTrue();
        assertThat(result.entries(ACTION_REQUIRED)).hasSize(2).allSatisfy(e -> {
            assertThat(e.fimId()).isEqualTo("R60000000019");
            assertThat(e.message()).contains("Es muss entweder Feldgruppe G60000086", "some script content");
        });
        assertThat(result.entries(WARNING)).anySatisfy(e -> assertThat(e.message()).contains("optional (Anzahl 0:1)"));
    }

    @Test
    void a_v3_select_without_values_or_code_list_is_a_choice_without_options_and_its_constraints_are_reported() {
        FimImportResult result = importer.importSchema(shared("v3/input.xml"));

        ChoiceElement choice = (ChoiceElement) result.draft().pages().get(0).elements().get(0);
        assertThat(choice.key()).isEqualTo("strasse");
        assertThat(choice.required()).isNull();
        assertThat(choice.options()).isNull();
        assertThat(result.entries(ACTION_REQUIRED)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("weder Codeliste noch Werte"));
        assertThat(result.entries(WARNING)).anySatisfy(e -> assertThat(e.message()).contains("pattern=abc"));
        assertThat(problems(result)).extracting(DefinitionProblem::code)
                .containsExactly(DefinitionProblemCode.MISSING_OPTIONS);
    }

    @Test
    void a_duplicate_id_node_is_refused_naming_the_id() {
        FimImportException e = refused(shared("v3/duplicate-id-node.xml"));

        assertThat(e.code()).isEqualTo(FimImportErrorCode.DUPLICATE_ID);
        assertThat(e.getMessage()).contains("G123");
        assertThat(e.location()).contains("/datenfeldgruppe/identifikation/id", "Zeile 11");
    }

    @Test
    void missing_and_empty_ids_are_refused_with_the_element_path() {
        FimImportException missing = refused(shared("v3/missing-id-node.xml"));
        assertThat(missing.code()).isEqualTo(FimImportErrorCode.MISSING_ID);
        assertThat(missing.location()).startsWith("/xdatenfelder.datenfeldgruppe.0103/datenfeldgruppe/identifikation");

        FimImportException empty = refused(shared("v3/empty-id-node.xml"));
        assertThat(empty.code()).isEqualTo(FimImportErrorCode.EMPTY_ID);
        assertThat(empty.location()).startsWith("/xdatenfelder.datenfeldgruppe.0103/datenfeldgruppe/identifikation/id");
    }

    @Test
    void an_unexpected_node_is_refused_naming_it_and_where() {
        FimImportException e = refused(shared("v3/unexpected-node.xml"));

        assertThat(e.code()).isEqualTo(FimImportErrorCode.UNEXPECTED_NODE);
        assertThat(e.getMessage()).contains("<unknown>", "<identifikation>");
        assertThat(e.location()).contains("/identifikation/unknown", "Zeile 11");
    }

    @Test
    void an_invalid_release_status_is_refused_naming_the_code_and_the_element() {
        FimImportException e = refused(shared("v3/invalid-freigabestatus.xml"));

        assertThat(e.code()).isEqualTo(FimImportErrorCode.INVALID_STATUS_CODE);
        assertThat(e.getMessage()).contains("„10“", "<freigabestatus>", "<datenfeldgruppe>");
    }

    @Test
    void a_v3_schema_maps_every_data_type_field_kind_cardinality_and_constraint() {
        FimImportResult result = importer.importSchema(resource("v3-stammdatenschema.xml"),
                Map.of("erreichbarkeit.gc.xml", resource("erreichbarkeit.gc.xml")));

        FormDefinition draft = result.draft();
        assertThat(DefinitionParser.parse(DefinitionJson.toTree(draft)).problems()).isEmpty();
        assertThat(draft.key()).isEqualTo("anzeige-hundehaltung-pruefschema");
        assertThat(draft.description().get("de")).isEqualTo("Zeigen Sie hier die Haltung eines Hundes an.");
        assertThat(draft.metadata()).containsEntry("fimId", "S60000011").containsEntry("fimVersion", "2.1.0");
        assertThat(draft.pages()).extracting(Page::key)
                .containsExactly("anzeige_hundehaltung_pruefschema", "halterin_oder_halter", "hund_2", "steuer");
        assertThat(allElements(draft)).hasSize(16);

        // loose field on the schema level: its own page
        InfoElement info = (InfoElement) draft.pages().get(0).elements().get(0);
        assertThat(info.content().get("de")).startsWith("Die Anzeige ist binnen zwei Wochen");

        // person page: text with pattern, repeating field, optional nested group as section with a code list
        List<Element> person = draft.pages().get(1).elements();
        assertThat(person).extracting(Element::key).containsExactly("familienname", "vorname", "erreichbarkeit");
        TextElement familyName = (TextElement) person.get(0);
        assertThat(familyName.pattern()).isEqualTo("^(?:[A-Za-zÄÖÜäöüß .'-]+)$");
        assertThat(familyName.maxLength()).isEqualTo(120);
        GroupElement firstNames = (GroupElement) person.get(1);
        assertThat(firstNames.minItems()).isZero();
        assertThat(firstNames.maxItems()).isEqualTo(3);
        assertThat(firstNames.required()).isNull();
        assertThat(firstNames.metadata()).containsEntry("fimId", "F60000228");
        assertThat(firstNames.elements()).singleElement().isInstanceOfSatisfying(TextElement.class, t -> {
            assertThat(t.key()).isEqualTo("vorname");
            assertThat(t.required()).isTrue();
            assertThat(t.maxLength()).isEqualTo(80);
        });
        SectionElement reach = (SectionElement) person.get(2);
        assertThat(reach.metadata()).containsEntry("fimId", "G60000021").containsEntry("fimVersion", "1.0.0");
        ChoiceElement channel = (ChoiceElement) reach.elements().get(0);
        assertThat(channel.codeList()).isEqualTo("erreichbarkeit");
        assertThat(channel.display()).isEqualTo(ChoiceElement.RADIO);
        assertThat(draft.codeList("erreichbarkeit")).extracting(Option::value).containsExactly("01", "02", "03");
        assertThat(draft.codeList("erreichbarkeit").get(2).label().get("de")).isEqualTo("Mobiltelefon");

        // repeating top-level group: a page holding a repeating group (1 to 100 items)
        GroupElement dogs = (GroupElement) draft.pages().get(2).elements().get(0);
        assertThat(dogs.key()).isEqualTo("hund");
        assertThat(dogs.minItems()).isEqualTo(1);
        assertThat(dogs.maxItems()).isEqualTo(100);
        assertThat(dogs.required()).isTrue();
        assertThat(dogs.metadata()).containsEntry("fimId", "G60000030");
        assertThat(dogs.elements()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "DateElement", "YesNoElement", "FileElement", "ChoiceElement", "NumberElement");
        assertThat(((DateElement) dogs.elements().get(0)).minDate()).isEqualTo("1990-01-01");
        assertThat(((YesNoElement) dogs.elements().get(1)).required()).isTrue();
        FileElement proof = (FileElement) dogs.elements().get(2);
        assertThat(proof.accept()).containsExactly("application/pdf", "image/jpeg");
        assertThat(proof.maxSizeKb()).isEqualTo(2048);
        assertThat(proof.required()).isNull();
        ChoiceElement sex = (ChoiceElement) dogs.elements().get(3);
        assertThat(sex.display()).isEqualTo(ChoiceElement.RADIO);
        assertThat(sex.options()).extracting(Option::value).containsExactly("m", "w");
        NumberElement weight = (NumberElement) dogs.elements().get(4);
        assertThat(weight.min()).isEqualByComparingTo("0.5");
        assertThat(weight.max()).isEqualByComparingTo("120");

        // tax page: locked currency, integer range, hidden value, long text as textarea
        List<Element> tax = draft.pages().get(3).elements();
        CurrencyElement fee = (CurrencyElement) tax.get(0);
        assertThat(fee.readOnly()).isTrue();
        assertThat(fee.defaultValue().decimalValue()).isEqualByComparingTo(new BigDecimal("96.00"));
        IntegerElement count = (IntegerElement) tax.get(1);
        assertThat(count.min()).isEqualTo(1L);
        assertThat(count.max()).isEqualTo(20L);
        assertThat(((HiddenElement) tax.get(2)).value().asText()).isEqualTo("HST-2024");
        assertThat(((TextareaElement) tax.get(3)).maxLength()).isEqualTo(2000);

        assertThat(result.entries(ACTION_REQUIRED)).extracting(ReportEntry::fimId)
                .containsExactlyInAnyOrder("R60000000100", "R60000000101");
        assertThat(result.entries(WARNING)).anySatisfy(e -> {
            assertThat(e.fimId()).isEqualTo("F60000228");
            assertThat(e.message()).contains("text_latin");
        });
    }

    @Test
    void without_its_code_list_the_v3_schema_fails_validation_only_for_the_missing_options() {
        FimImportResult result = importer.importSchema(resource("v3-stammdatenschema.xml"), null);

        assertThat(problems(result)).extracting(DefinitionProblem::code, DefinitionProblem::path).containsExactly(
                org.assertj.core.api.Assertions.tuple(DefinitionProblemCode.MISSING_OPTIONS,
                        "pages[1].elements[2].elements[0].options"));
        assertThat(result.entries(ACTION_REQUIRED)).anySatisfy(e -> {
            assertThat(e.fimId()).isEqualTo("F60000240");
            assertThat(e.message()).contains("urn:de:xoev:codeliste:erreichbarkeit");
        });
        assertThat(result.actionRequired()).isTrue();
    }

    @Test
    void groups_nested_deeper_than_the_format_allows_are_flattened_and_the_draft_stays_valid() {
        String field = v3Field("F1", "Tiefes Feld");
        String xml = v3GroupMessage("G0", "Wurzel",
                v3Group("G1", "Ebene eins", "1:1",
                        v3Group("G2", "Ebene zwei", "1:1",
                                v3Group("G3", "Ebene drei", "1:1",
                                        v3Group("G4", "Ebene vier", "1:1",
                                                v3Group("G5", "Ebene fünf", "1:1",
                                                        v3Group("G6", "Ebene sechs", "0:2", field)))))));
        FimImportResult result = importer.importSchema(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(DefinitionParser.parse(DefinitionJson.toTree(result.draft())).problems()).isEmpty();
        assertThat(allElements(result.draft())).filteredOn(e -> e instanceof TextElement).singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("tiefes_feld"));
        assertThat(result.entries(WARNING)).anySatisfy(e -> assertThat(e.fimId()).isEqualTo("G5"));
        assertThat(result.entries(ACTION_REQUIRED)).anySatisfy(e -> assertThat(e.fimId()).isEqualTo("G6"));
    }

    @Test
    void same_names_in_one_scope_get_numbered_keys_but_a_repeating_group_has_its_own_scope() {
        String xml = v3GroupMessage("G0", "Wurzel",
                v3Group("G1", "Seite", "1:1", v3Field("F1", "Name") + v3Field("F2", "Name")
                        + v3Group("G2", "Kind", "0:5", v3Field("F3", "Name"))));
        FimImportResult result = importer.importSchema(xml.getBytes(StandardCharsets.UTF_8));

        List<Element> elements = result.draft().pages().get(0).elements();
        assertThat(elements).extracting(Element::key).containsExactly("name", "name_2", "kind");
        assertThat(((GroupElement) elements.get(2)).elements()).extracting(Element::key).containsExactly("name");
        assertThat(DefinitionParser.parse(DefinitionJson.toTree(result.draft())).isValid()).isTrue();
    }

    @Test
    void an_invalid_anzahl_is_refused() {
        for (String anzahl : List.of("2:1", "eins", "1-2", "1:")) {
            String xml = v3GroupMessage("G0", "Wurzel", v3Group("G1", "Seite", anzahl, v3Field("F1", "Name")));
            FimImportException e = refused(xml.getBytes(StandardCharsets.UTF_8));
            assertThat(e.code()).as(anzahl).isEqualTo(FimImportErrorCode.INVALID_ANZAHL);
            assertThat(e.location()).as(anzahl).contains("/struktur/anzahl");
        }
    }

    @Test
    void a_message_of_a_known_namespace_that_is_not_supported_is_refused() {
        String xml = "<x:xdatenfelder.codeliste.0104 xmlns:x=\"urn:xoev-de:fim:standard:xdatenfelder_2\"/>";
        FimImportException e = refused(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(e.code()).isEqualTo(FimImportErrorCode.UNSUPPORTED_MESSAGE);
        assertThat(e.getMessage()).contains("xdatenfelder.codeliste.0104");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private FimImportException refused(byte[] xml) {
        FimImportException e = catchThrowableOfType(FimImportException.class, () -> importer.importSchema(xml));
        assertThat(e).as("import must be refused").isNotNull();
        return e;
    }

    private static List<DefinitionProblem> problems(FimImportResult result) {
        return DefinitionParser.parse(DefinitionJson.toTree(result.draft())).problems();
    }

    /** Valid, or invalid only because choices lack the options the report asks the designer to add. */
    private static void assertValidExceptMissingOptions(FimImportResult result) {
        ParseResult parsed = DefinitionParser.parse(DefinitionJson.toTree(result.draft()));
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.code())
                .isEqualTo(DefinitionProblemCode.MISSING_OPTIONS));
        if (!parsed.problems().isEmpty()) {
            assertThat(result.entries(ACTION_REQUIRED)).hasSizeGreaterThanOrEqualTo(parsed.problems().size());
        }
    }

    static List<Element> allElements(FormDefinition draft) {
        List<Element> all = new ArrayList<>();
        draft.pages().forEach(p -> collect(p.elements(), all));
        return all;
    }

    private static void collect(List<Element> elements, List<Element> into) {
        for (Element element : elements) {
            into.add(element);
            if (element instanceof SectionElement s) {
                collect(s.elements(), into);
            } else if (element instanceof GroupElement g) {
                collect(g.elements(), into);
            }
        }
    }

    static String v3GroupMessage(String id, String name, String children) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_3.0.0\">"
                + "<xdf:header><xdf:nachrichtID>t</xdf:nachrichtID></xdf:header>"
                + groupBody(id, name, children) + "</xdf:xdatenfelder.datenfeldgruppe.0103>";
    }

    static String v3Group(String id, String name, String anzahl, String children) {
        return "<xdf:struktur><xdf:anzahl>" + anzahl + "</xdf:anzahl><xdf:enthaelt>" + groupBody(id, name, children)
                + "</xdf:enthaelt></xdf:struktur>";
    }

    private static String groupBody(String id, String name, String children) {
        return "<xdf:datenfeldgruppe><xdf:identifikation><xdf:id>" + id + "</xdf:id><xdf:version>1.0.0</xdf:version>"
                + "</xdf:identifikation><xdf:name>" + name + "</xdf:name><xdf:freigabestatus><code>6</code>"
                + "</xdf:freigabestatus>" + children + "</xdf:datenfeldgruppe>";
    }

    static String v3Field(String id, String name) {
        return "<xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld><xdf:identifikation><xdf:id>"
                + id + "</xdf:id></xdf:identifikation><xdf:name>" + name + "</xdf:name><xdf:feldart><code>input"
                + "</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp></xdf:datenfeld></xdf:enthaelt>"
                + "</xdf:struktur>";
    }
}

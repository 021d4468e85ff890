package org.formularium.builder.editing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formularium.builder.editing.Conditions.Combinator;
import org.formularium.builder.editing.Conditions.Condition;
import org.formularium.builder.editing.Conditions.Operator;
import org.formularium.builder.editing.Conditions.Row;
import org.formularium.definition.model.ElementType;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Map<String, ElementType> TYPES = Map.of(
            "licence_type", ElementType.CHOICE, "renewal", ElementType.YESNO, "age", ElementType.INTEGER,
            "name", ElementType.TEXT);

    private static JsonNode logic(Row... rows) {
        return logic(Combinator.AND, rows);
    }

    private static JsonNode logic(Combinator combinator, Row... rows) {
        return Conditions.toLogic(new Condition(combinator, List.of(rows)), k -> Optional.ofNullable(TYPES.get(k)));
    }

    @Test
    void each_operator_becomes_json_logic_with_values_typed_by_the_field() {
        assertThat(logic(new Row("licence_type", Operator.IS, "JUGEND")))
                .hasToString("{\"==\":[{\"var\":\"licence_type\"},\"JUGEND\"]}");
        assertThat(logic(new Row("renewal", Operator.IS, "true"))).hasToString("{\"==\":[{\"var\":\"renewal\"},true]}");
        assertThat(logic(new Row("age", Operator.GREATER_THAN, "17"))).hasToString("{\">\":[{\"var\":\"age\"},17]}");
        assertThat(logic(new Row("age", Operator.LESS_THAN, "2,5"))).hasToString("{\"<\":[{\"var\":\"age\"},2.5]}");
        assertThat(logic(new Row("name", Operator.IS_NOT, "x"))).hasToString("{\"!=\":[{\"var\":\"name\"},\"x\"]}");
        assertThat(logic(new Row("name", Operator.CONTAINS, "Müller"))).hasToString("{\"in\":[\"Müller\",{\"var\":\"name\"}]}");
        assertThat(logic(new Row("name", Operator.IS_FILLED, ""))).hasToString("{\"!!\":[{\"var\":\"name\"}]}");
        assertThat(logic(new Row("name", Operator.IS_EMPTY, null))).hasToString("{\"!\":[{\"var\":\"name\"}]}");
        assertThat(logic(new Row("licence_type", Operator.IS_ONE_OF, "JAHR, FUENF")))
                .hasToString("{\"in\":[{\"var\":\"licence_type\"},[\"JAHR\",\"FUENF\"]]}");
    }

    @Test
    void rows_are_combined_with_and_or_or_and_incomplete_rows_are_left_out() {
        assertThat(logic(Combinator.OR, new Row("renewal", Operator.IS, "false"), new Row("age", Operator.IS, "3"),
                new Row("name", Operator.IS, "")))
                .hasToString("{\"or\":[{\"==\":[{\"var\":\"renewal\"},false]},{\"==\":[{\"var\":\"age\"},3]}]}");
        assertThat(logic(new Row("", Operator.IS, "x"))).isNull();
    }

    @Test
    void json_logic_of_rows_reads_back_into_rows() {
        Condition condition = new Condition(Combinator.AND, List.of(
                new Row("licence_type", Operator.IS_ONE_OF, "JAHR, FUENF"), new Row("renewal", Operator.IS, "true"),
                new Row("name", Operator.CONTAINS, "a"), new Row("name", Operator.IS_FILLED, "")));

        assertThat(Conditions.fromLogic(Conditions.toLogic(condition, k -> Optional.ofNullable(TYPES.get(k)))))
                .contains(condition);
    }

    @Test
    void other_json_logic_stays_json_and_bad_json_is_reported() {
        assertThat(Conditions.fromLogic(Conditions.parse("{\"if\": [true, 1, 2]}").logic())).isEmpty();
        assertThat(Conditions.parse("{\"==\": [1, ").ok()).isFalse();
        assertThat(Conditions.parse("{\"frobnicate\": [1]}").problem()).contains("frobnicate");
        assertThat(Conditions.parse(" ").logic()).isNull();
    }
}

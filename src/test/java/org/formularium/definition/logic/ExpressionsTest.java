package org.formularium.definition.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.formularium.definition.Fixtures.q;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    @Test
    void a_supported_expression_has_no_problem() {
        assertThat(Expressions.problem(q("{'and': [{'>': [{'var': 'age'}, 17]}, {'in': ['A', {'var': 'zones'}]}]}"))).isEmpty();
    }

    @Test
    void an_unknown_operator_and_a_two_key_object_are_problems() {
        assertThat(Expressions.problem(q("{'like': [1, 2]}"))).hasValueSatisfying(m -> assertThat(m).contains("like"));
        assertThat(Expressions.problem(q("{'==': [1, 1], '!=': [1, 2]}"))).isPresent();
    }

    @Test
    void references_list_data_variables_but_not_those_inside_iterating_operators() {
        assertThat(Expressions.references(q("""
                {'and': [{'var': 'address.city'}, {'var': ['age', 0]},
                 {'some': [{'var': 'children'}, {'>': [{'var': 'age'}, 3]}]},
                 {'reduce': [{'var': 'items'}, {'+': [{'var': 'current'}, {'var': 'accumulator'}]}, {'var': 'start'}]}]}""")))
                .containsExactly("address.city", "age", "children", "items", "start");
    }

    @Test
    void integral_results_come_back_as_integers_and_others_as_decimals() {
        Object data = Expressions.toLogicData(q("{'count': 3, 'price': 2.5}"));

        assertThat(Expressions.evaluateToJson(q("{'*': [{'var': 'count'}, 2]}"), data).isIntegralNumber()).isTrue();
        assertThat(Expressions.evaluateToJson(q("{'*': [{'var': 'count'}, {'var': 'price'}]}"), data).decimalValue())
                .isEqualByComparingTo("7.5");
        assertThat(Expressions.evaluateToJson(q("{'/': [1, 0]}"), data).isNull()).isTrue();
    }

    @Test
    void strict_equality_compares_integers_from_data_with_literals() {
        Object data = Expressions.toLogicData(q("{'count': 3}"));

        assertThat(Expressions.truthy(Expressions.evaluate(q("{'===': [{'var': 'count'}, 3]}"), data))).isTrue();
    }

    @Test
    void a_failing_expression_throws_an_expression_exception() {
        assertThatThrownBy(() -> Expressions.evaluate(q("{'cat': [{'var': 'missing'}]}"), Expressions.toLogicData(q("{}"))))
                .isInstanceOf(ExpressionException.class);
    }

    @Test
    void relative_dates_resolve_against_today() {
        LocalDate today = LocalDate.of(2026, 11, 29);

        assertThat(RelativeDate.resolve("today-18y", today)).contains(LocalDate.of(2008, 11, 29));
        assertThat(RelativeDate.resolve("today+30d", today)).contains(LocalDate.of(2026, 12, 29));
        assertThat(RelativeDate.resolve("today-6m", today)).contains(LocalDate.of(2026, 5, 29));
        assertThat(RelativeDate.resolve("2026-02-30", today)).isEmpty();
        assertThat(RelativeDate.isValid("tomorrow")).isFalse();
    }
}

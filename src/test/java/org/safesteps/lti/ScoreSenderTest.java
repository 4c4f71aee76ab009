package org.safesteps.lti;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where scores are posted, and how long a failed score waits before its next try. */
class ScoreSenderTest {

	@ParameterizedTest
	@CsvSource({ "https://lms.example/lineitems/7/lineitem, https://lms.example/lineitems/7/lineitem/scores",
			"https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1, https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1",
			"https://lms.example/api/lti/courses/1/line_items/9/, https://lms.example/api/lti/courses/1/line_items/9/scores" })
	void scoresGoToTheLineItemsScoresPathKeepingItsQuery(String lineItem, String scores) {
		assertThat(ScoreSender.scoresUrl(lineItem)).isEqualTo(scores);
	}

	@ParameterizedTest
	@CsvSource({ "2, PT1M", "3, PT2M", "4, PT4M", "8, PT64M", "9, PT2H", "30, PT2H" })
	void eachRetryWaitsTwiceAsLongUpToTheLongestWait(int attempt, String wait) {
		assertThat(ScoreSender.waitBefore(attempt, Duration.ofMinutes(1), Duration.ofHours(2))).isEqualTo(Duration.parse(wait));
	}

}

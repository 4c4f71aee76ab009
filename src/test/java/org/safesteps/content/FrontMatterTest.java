package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

	@Test
	void aFoldedBlockScalarIsReadAsOneParagraph() {
		Curriculum curriculum = TestContent.valid()
			.replace("modules/sextortion/teacher.md", "summary: A sensitive lesson. Read the disclosure section before you teach it.",
					"summary: >-\n  A sensitive lesson.\n  Read the disclosure section\n  before you teach it.")
			.curriculum();

		assertThat(curriculum.module("sextortion").orElseThrow().teacherNotes().summary())
			.isEqualTo("A sensitive lesson. Read the disclosure section before you teach it.");
	}

	@Test
	void aLiteralBlockScalarKeepsItsLines() {
		Curriculum curriculum = TestContent.valid()
			.replace("modules/sextortion/teacher.md", "summary: A sensitive lesson. Read the disclosure section before you teach it.",
					"summary: |\n  Line one.\n  Line two.")
			.curriculum();

		assertThat(curriculum.module("sextortion").orElseThrow().teacherNotes().summary()).isEqualTo("Line one.\nLine two.");
	}

}

package org.safesteps.learner;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.safesteps.classroom.JoinCode;

import static org.assertj.core.api.Assertions.assertThat;

class PictureCodeTest {

	@Test
	void everyCodeCharacterHasItsOwnPictureInAlphabetOrder() {
		assertThat(PictureCode.PICTURES).hasSize(JoinCode.ALPHABET.length());
		for (int i = 0; i < JoinCode.ALPHABET.length(); i++) {
			assertThat(PictureCode.PICTURES.get(i).symbol()).isEqualTo(JoinCode.ALPHABET.charAt(i));
		}
		assertThat(new HashSet<>(PictureCode.PICTURES.stream().map(PictureCode.Picture::emoji).toList())).hasSize(31);
		assertThat(new HashSet<>(PictureCode.PICTURES.stream().map(PictureCode.Picture::name).toList())).hasSize(31);
	}

	@Test
	void sixPicturesMapBackToTheSameCode() {
		for (int i = 0; i < 200; i++) {
			JoinCode code = JoinCode.random();
			List<String> tapped = PictureCode.of(code).stream().map(PictureCode.Picture::value).toList();
			assertThat(PictureCode.code(tapped)).contains(code);
		}
	}

	@Test
	void missingOrUnknownPicturesAreNoCode() {
		assertThat(PictureCode.code(Arrays.asList("A", "B", null, "D", "E", "F"))).isEmpty();
		assertThat(PictureCode.code(List.of("A", "B", "C", "D", "E"))).isEmpty();
		assertThat(PictureCode.code(List.of("A", "B", "C", "D", "E", "O"))).isEmpty();
		assertThat(PictureCode.code(List.of("A", "B", "C", "D", "E", "FF"))).isEmpty();
	}

}

package org.safesteps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SafeStepsApplication {

	public static void main(String[] args) {
		SpringApplication.run(SafeStepsApplication.class, args);
	}

}

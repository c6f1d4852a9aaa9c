package org.openhqd.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The platform on an in-memory H2 database loaded with a small demo community (3,000 patients);
 * every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "hqd.demo=true",
        "hqd.demo.patients=3000",
        "hqd.demo.drg-cases=3000",
        "hqd.data-dir=target/test-data",
        "hqd.appointments.no-show-schedule=false",
        "hqd.appointments.jobs=false",
        "hqd.referral.jobs=false",
        "spring.datasource.url=jdbc:h2:mem:hqd-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
})
@AutoConfigureMockMvc
public @interface DemoPlatformTest {
}

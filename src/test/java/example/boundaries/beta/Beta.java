package example.boundaries.beta;

/** The type the other fixture modules refer to. */
public class Beta {

}

// Order matters: the shim must run before functions.ts's appended associate calls.
import "./shim";
import "./functions";

// Both string tables, as the Node entry points have them (the pane adds en-US when it needs it).
import "../../src/i18n/all";

import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/passkeys.stories.js';

visualSuite('passkeys', stories);

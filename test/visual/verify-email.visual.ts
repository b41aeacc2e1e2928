import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/verify-email.stories.js';

visualSuite('verify-email', stories);

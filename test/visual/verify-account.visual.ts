import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/verify-account.stories.js';

visualSuite('verify-account', stories);

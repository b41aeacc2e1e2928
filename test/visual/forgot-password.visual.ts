import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/forgot-password.stories.js';

visualSuite('forgot-password', stories);

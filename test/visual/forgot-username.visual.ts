import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/forgot-username.stories.js';

visualSuite('forgot-username', stories);
